"""One module per lint rule, named after its code: ``tk401_suspicious_token.py``."""
