"""Incident extraction: what happened, when, who, how many, read from the sentences around each place."""
