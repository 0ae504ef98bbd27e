"""Language processing stages."""
