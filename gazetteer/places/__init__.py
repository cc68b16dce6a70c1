"""The place data: the Place record, the Gazetteer index, name normalisation, and building the bundled gazetteer from its sources."""
