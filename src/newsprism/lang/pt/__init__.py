"""Cue words for language 'pt' (see cues.py)."""
