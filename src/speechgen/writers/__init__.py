"""writers stage."""
