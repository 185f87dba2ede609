"""Degrees, mutual connections, introductions and people-you-may-know.

``csr`` holds the compact engine (int32 CSR built with numpy), ``queries`` the bounded algorithms
on it, ``sources`` the owners' merged network from the database, ``edgelist``/``stored`` loaded
edge lists, ``cache`` keeps graphs fresh by database fingerprint, and ``network`` answers the
questions in terms of people. Warm-introduction routes and drafts are in ``twoway.intros``.
"""
