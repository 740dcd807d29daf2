"""Cue words for language 'zh' (see cues.py)."""
