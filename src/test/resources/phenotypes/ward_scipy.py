# Golden values for HierarchicalClusteringTest.wardMatchesScipy: scipy's Ward linkage (R's ward.D2) on a fixed
# 2-D point set; prints the merge heights and the 3-cluster cut. Run: python3 ward_scipy.py
import numpy as np
from scipy.cluster.hierarchy import linkage, fcluster
pts = np.array([[0, 0], [1, 0], [0, 1.5], [5, 5], [6, 5], [5.5, 6.2], [12, 0], [13, 1], [30, 30]], float)
Z = linkage(pts, method="ward")
print("heights", [repr(h) for h in Z[:, 2]])
print("cut3", list(fcluster(Z, 3, criterion="maxclust")))
