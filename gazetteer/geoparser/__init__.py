"""Recognition and resolution: sentences, toponyms, the places they name, and where each mention points."""
