-- pg_trgm: substring search of names, phone fragments and card numbers (trusted extension since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
