"""Cue words for language 'ja' (see cues.py)."""
