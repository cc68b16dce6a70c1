"""The place data: Place records, the Gazetteer index, name normalisation, building and importing."""
