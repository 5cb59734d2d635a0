SELECT schema_name FROM information_schema.schemata WHERE schema_name NOT IN ('information_schema', 'pg_catalog', 'pg_toast') AND schema_name NOT LIKE 'pg_temp%' AND schema_name NOT LIKE 'pg_toast_temp%' ORDER BY schema_name;
SELECT table_name FROM information_schema.tables WHERE table_schema = 'acme' ORDER BY table_name;
SELECT column_name, data_type, udt_name, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_schema = 'acme' AND table_name = 'trace_a' ORDER BY ordinal_position
