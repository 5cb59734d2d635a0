"""psycopg2 (Debian python3-psycopg2) against a VND server, run by tests/Vnd.Engine.Tests as
    /usr/bin/python3 client.py <host> <port> <user> <password> <table>
Parameters (psycopg2 interpolates them client-side), a named server-side cursor (DECLARE … CURSOR / FETCH
FORWARD inside a transaction) and copy_expert. One "key=value" line per observation."""
import io
import sys

import psycopg2

host, port, user, password, table = sys.argv[1:6]
conn = psycopg2.connect(host=host, port=int(port), user=user, password=password, dbname=user, sslmode="disable")
cur = conn.cursor()
cur.execute(f"SELECT count(*), min(ts), max(src_ip) FROM {table} WHERE dst_port = %s", (80,))
count, first, top = cur.fetchone()
print(f"count={count}")
print(f"first={first.isoformat() if first else None}")
print(f"maxsrc={top}")
cur.execute(f"SELECT src_port, payload_length FROM {table} WHERE payload_length > %(n)s ORDER BY ts, seq LIMIT 3", {"n": 0})
print("rows=" + ";".join(f"{a},{b}" for a, b in cur.fetchall()))
conn.commit()

named = conn.cursor(name="vnd_named")
named.itersize = 500
named.execute(f"SELECT seq FROM {table} ORDER BY ts, seq")
rows = 0
total = 0
for (seq,) in named:
    rows += 1
    total += seq
named.close()
conn.commit()
print(f"named={rows},{total}")

buf = io.StringIO()
cur.copy_expert(f"COPY (SELECT src_port, dst_port FROM {table} ORDER BY ts, seq LIMIT 5) TO STDOUT WITH (FORMAT csv, HEADER)", buf)
print("copy=" + buf.getvalue().replace("\n", "|"))

try:
    cur.execute("SELECT 1/0")
except psycopg2.Error as e:
    print(f"error={e.pgcode}")
    conn.rollback()
conn.close()
