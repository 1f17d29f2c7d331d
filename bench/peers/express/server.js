// The peer: raw body, HMAC-SHA256 over body.nonce.timestamp compared with timingSafeEqual, one row
// committed to MariaDB through a mysql2 pool (INSERT IGNORE on the nonce's unique key: a replay
// changes nothing), then 200. Configured by environment:
// PEER_PORT (3000), PEER_SECRET, DB_HOST, DB_USER, DB_PASSWORD, DB_NAME, PEER_POOL (32).
const crypto = require('node:crypto');
const express = require('express');
const mysql = require('mysql2/promise');

const secret = process.env.PEER_SECRET || 'bench-secret';
const pool = mysql.createPool({
  host: process.env.DB_HOST || '127.0.0.1',
  user: process.env.DB_USER || 'sms_tracker',
  password: process.env.DB_PASSWORD || 'sms_tracker',
  database: process.env.DB_NAME || 'sms_tracker',
  connectionLimit: Number(process.env.PEER_POOL || 32),
});

const app = express();
app.post('/callbacks', express.raw({ type: 'application/json', limit: '1mb' }), async (req, res) => {
  const signature = req.get('x-sinch-webhook-signature') || '';
  const nonce = req.get('x-sinch-webhook-signature-nonce') || '';
  const timestamp = req.get('x-sinch-webhook-signature-timestamp') || '';
  const expected = crypto.createHmac('sha256', secret)
    .update(Buffer.concat([req.body, Buffer.from(`.${nonce}.${timestamp}`)]))
    .digest('base64');
  const given = Buffer.from(signature);
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !crypto.timingSafeEqual(given, wanted)) {
    return res.status(401).end();
  }
  try {
    await pool.execute('INSERT IGNORE INTO peer_report (nonce, body) VALUES (?, ?)', [nonce, req.body.toString('utf8')]);
    res.status(200).end();
  } catch (e) {
    res.status(503).end();
  }
});

(async () => {
  await pool.query('CREATE TABLE IF NOT EXISTS peer_report (id BIGINT AUTO_INCREMENT PRIMARY KEY, nonce VARCHAR(128) NOT NULL UNIQUE, body TEXT NOT NULL)');
  const port = Number(process.env.PEER_PORT || 3000);
  app.listen(port, '127.0.0.1', () => console.log(`peer listening on ${port}`));
})();
