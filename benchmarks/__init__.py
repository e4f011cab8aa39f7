"""gloss benchmarks: the speed and memory targets, measured as medians and same-run ratios.

Not tests: nothing here asserts a time. ``python -m benchmarks`` prints a table and writes
``benchmarks/results.json``; ``--quick`` runs each figure once on small inputs (CI smoke).
"""
