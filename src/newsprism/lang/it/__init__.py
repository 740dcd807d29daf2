"""Cue words for language 'it' (see cues.py)."""
