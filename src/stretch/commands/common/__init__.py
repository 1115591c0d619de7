"""What command modules share (commands import from here, never from each other)."""
