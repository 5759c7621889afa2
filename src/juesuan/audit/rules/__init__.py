"""Built-in audit rules, one module per family or table group.

Every public module here is imported by ``juesuan.audit.registry.load_builtin_rules``;
a new family (e.g. ``narrative.py`` for the N rules) needs nothing but its module.
"""
