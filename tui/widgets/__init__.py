"""Widgets of the reader app: they show things and post messages; screens decide."""
