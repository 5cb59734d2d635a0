// node-postgres (npm `pg`) against a VND server, run by tests/Vnd.Engine.Tests as
//   node client.js <host> <port> <user> <password> <table>
// Parameters, a named (prepared) statement run twice, and rowMode 'array'. One "key=value" line each.
const { Client } = require('pg');

async function main() {
  const [host, port, user, password, table] = process.argv.slice(2);
  const client = new Client({ host, port: Number(port), user, password, database: user, ssl: false });
  await client.connect();
  const counted = await client.query(`SELECT count(*) AS n FROM ${table} WHERE dst_port = $1`, [80]);
  console.log(`count=${counted.rows[0].n}`);
  for (const min of [0, 1]) {
    const r = await client.query({
      name: 'by-length',
      text: `SELECT count(*) AS n FROM ${table} WHERE payload_length >= $1`,
      values: [min],
    });
    console.log(`named${min}=${r.rows[0].n}`);
  }
  const arrays = await client.query({
    text: `SELECT src_port, dst_port, src_ip FROM ${table} ORDER BY ts, seq LIMIT 2`,
    rowMode: 'array',
  });
  console.log(`arrays=${JSON.stringify(arrays.rows)}`);
  console.log(`fields=${arrays.fields.map((f) => `${f.name}:${f.dataTypeID}`).join(',')}`);
  try {
    await client.query('SELECT 1/0');
  } catch (e) {
    console.log(`error=${e.code}`);
  }
  await client.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
