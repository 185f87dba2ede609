"""Names of graphs, apart from the engine so a face can name one without loading numpy."""

NETWORK = "network"  # the name of the graph built from the owners' imported networks
