-- The paper's diagnosis queries (§3.3.1, §5.1.1) over the embedded demo (`vnd serve`), as plain SQL.
--
-- tenant1's diagnosis `demo` captured the chain client1, client2 → RE → IDS → server at three points:
--   a: link A at the RE (traffic entering / leaving the RE on the client side)
--   b: link B at the IDS (traffic entering / leaving the IDS on the RE side)
--   c: link C at the server
-- Columns: ts, src_ip, dst_ip, ip_id, src_port, dst_port, seq, ack, payload_length, flags,
-- id (packet id = ip.id + tcp.seq << 16, §3.5). Data flows client → server (10.0.3.10); client2 joins at
-- 00:00:10. tenant2's diagnosis `demo` captured its load balancer: lb_in, lb_out (same columns).
-- Each query starts with a `-- name:` line; tests run every one of them (tests/Vnd.Engine.Tests/Demo).

-- name: throughput
-- Throughput per second and client as the server receives it (Mbit/s of TCP payload).
select ceil(ts) as second, src_ip as client, sum(payload_length) * 8 / 1000000.0 as mbit_s
from c
where dst_ip = '10.0.3.10'
group by 1, 2
order by 1, 2;

-- name: rtt_a
-- RTT at A: a data segment toward the server and the ACK coming back with ack = seq + payload_length (§3.3.1).
-- Sequence numbers are 32-bit, hence the modulo. date_part('epoch', interval) gives seconds as a double.
with f as (select * from a where dst_ip = '10.0.3.10' and payload_length > 0),
     r as (select * from a where src_ip = '10.0.3.10')
select ceil(f.ts) as second, avg(date_part('epoch', r.ts - f.ts) * 1000) as rtt_ms
from f join r on (f.seq + f.payload_length) % 4294967296 = r.ack and f.src_port = r.dst_port
group by 1
order by 1;

-- name: rtt_b
with f as (select * from b where dst_ip = '10.0.3.10' and payload_length > 0),
     r as (select * from b where src_ip = '10.0.3.10')
select ceil(f.ts) as second, avg(date_part('epoch', r.ts - f.ts) * 1000) as rtt_ms
from f join r on (f.seq + f.payload_length) % 4294967296 = r.ack and f.src_port = r.dst_port
group by 1
order by 1;

-- name: rtt_c
with f as (select * from c where dst_ip = '10.0.3.10' and payload_length > 0),
     r as (select * from c where src_ip = '10.0.3.10')
select ceil(f.ts) as second, avg(date_part('epoch', r.ts - f.ts) * 1000) as rtt_ms
from f join r on (f.seq + f.payload_length) % 4294967296 = r.ack and f.src_port = r.dst_port
group by 1
order by 1;

-- name: processing_time
-- §5.1.1: RTT_A - RTT_B is the RE's processing time, RTT_B - RTT_C the IDS's, per second.
with rtt as (
  select 'a' as point, ceil(f.ts) as second, date_part('epoch', r.ts - f.ts) * 1000 as ms
  from a f join a r on (f.seq + f.payload_length) % 4294967296 = r.ack and f.src_port = r.dst_port
  where f.dst_ip = '10.0.3.10' and f.payload_length > 0 and r.src_ip = '10.0.3.10'
  union all
  select 'b', ceil(f.ts), date_part('epoch', r.ts - f.ts) * 1000
  from b f join b r on (f.seq + f.payload_length) % 4294967296 = r.ack and f.src_port = r.dst_port
  where f.dst_ip = '10.0.3.10' and f.payload_length > 0 and r.src_ip = '10.0.3.10'
  union all
  select 'c', ceil(f.ts), date_part('epoch', r.ts - f.ts) * 1000
  from c f join c r on (f.seq + f.payload_length) % 4294967296 = r.ack and f.src_port = r.dst_port
  where f.dst_ip = '10.0.3.10' and f.payload_length > 0 and r.src_ip = '10.0.3.10'),
per_second as (
  select second,
         avg(case when point = 'a' then ms end) as rtt_a,
         avg(case when point = 'b' then ms end) as rtt_b,
         avg(case when point = 'c' then ms end) as rtt_c
  from rtt group by second)
select second, rtt_a - rtt_b as re_ms, rtt_b - rtt_c as ids_ms
from per_second
order by second;

-- name: delay_re
-- One-hop delay at the RE (§3.3.1 "Delay at a hop"): the same packet (same id) at A and then at B.
select ceil(i.ts) as second, avg(date_part('epoch', o.ts - i.ts) * 1000) as delay_ms, count(*) as packets
from a i join b o on i.id = o.id
where i.dst_ip = '10.0.3.10' and o.dst_ip = '10.0.3.10'
group by 1
order by 1;

-- name: delay_ids
-- One-hop delay at the IDS: the same packet at B and then at C.
select ceil(i.ts) as second, avg(date_part('epoch', o.ts - i.ts) * 1000) as delay_ms, count(*) as packets
from b i join c o on i.id = o.id
where i.dst_ip = '10.0.3.10' and o.dst_ip = '10.0.3.10'
group by 1
order by 1;

-- name: loss
-- Packet loss per hop (§3.3.1 "Packet loss"): packets into a middlebox never seen out of it. The RE loses none.
select 're' as hop, count(*) as lost
from a
where dst_ip = '10.0.3.10' and id not in (select id from b where dst_ip = '10.0.3.10')
union all
select 'ids', count(*)
from b
where dst_ip = '10.0.3.10' and id not in (select id from c where dst_ip = '10.0.3.10');

-- name: loss_ids
-- Packet loss at the IDS: packets seen at B but never at C.
select ceil(ts) as second, count(*) as lost
from b
where dst_ip = '10.0.3.10' and id not in (select id from c where dst_ip = '10.0.3.10')
group by 1
order by 1;

-- name: lb_delay
-- Run as tenant2: the load balancer's delay per backend, joining its input and output on the packet id (the
-- lb rewrites addresses, not ip.id or seq, §3.5 case 1).
select o.dst_ip as backend, count(*) as packets, avg(date_part('epoch', o.ts - i.ts) * 1000) as delay_ms
from lb_in i join lb_out o on i.id = o.id
where i.dst_ip = '10.0.0.5' and o.dst_port = 80
group by 1
order by 1;
