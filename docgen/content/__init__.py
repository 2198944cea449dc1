"""docgen.content."""
