"""Cue words for language 'uk' (see cues.py)."""
