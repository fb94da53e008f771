"""Facts: Dossier → every figure a document needs (counts, sums, rates, 时序进度, ranks, laggards)."""
