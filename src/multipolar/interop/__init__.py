"""Interchange formats: GDELT 2.0 event exports and PLOVER JSON."""
