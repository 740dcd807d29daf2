"""Cue words for language 'fa' (see cues.py)."""
