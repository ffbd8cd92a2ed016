-- W2 transactions (../../../../shared/bench/workloads/README.md) as dbldatagen builds a table: one SELECT over
-- range(n), each random column an independent Spark rand(seed), a fresh seed per column; Gamma(2) as
-- -ln(U1 U2), Beta(2,5) as G2 / (G2 + G5), the exponential item count as -5 ln U. subtotal and discount_pct are
-- helpers of the inner SELECT and are not written.
-- Placeholders filled by bench/SparkRuns.java: ${rows}, ${partitions}.
SELECT txn_id,
       customer_id,
       store_id,
       txn_timestamp,
       payment_method,
       discount_amount,
       tax_amount,
       CAST(subtotal - coalesce(discount_amount, 0) + tax_amount AS DECIMAL(12,2)) AS total_amount,
       items_count
FROM (
  SELECT *,
         CAST(round((subtotal - coalesce(discount_amount, 0)) * 0.08, 2) AS DECIMAL(10,2)) AS tax_amount
  FROM (
    SELECT *,
           CASE WHEN rand(14) < 0.02 THEN NULL ELSE CAST(round(subtotal * discount_pct, 2) AS DECIMAL(10,2)) END
             AS discount_amount
    FROM (
      SELECT 1 + id AS txn_id,
             1000000 + CAST(floor(rand(1) * 100000) AS BIGINT) AS customer_id,
             100 + CAST(floor(rand(2) * 51) AS BIGINT) AS store_id,
             timestamp_seconds(1704067200 + CAST(floor(rand(3) * 31622400) AS BIGINT)) AS txn_timestamp,
             CASE WHEN u_pay < 0.40 THEN 'Credit Card' WHEN u_pay < 0.65 THEN 'Debit Card' WHEN u_pay < 0.80 THEN 'Cash'
                  WHEN u_pay < 0.95 THEN 'Digital Wallet' ELSE 'Gift Card'
             END AS payment_method,
             CAST(round(-100 * ln((1 - rand(5)) * (1 - rand(6))), 2) AS DECIMAL(12,2)) AS subtotal,
             0.3 * g2 / (g2 + g5) AS discount_pct,
             CAST(least(20, greatest(1, floor(-5 * ln(1 - rand(15))))) AS INT) AS items_count
      FROM (
        SELECT id,
               rand(4) AS u_pay,
               -ln((1 - rand(7)) * (1 - rand(8))) AS g2,
               -ln((1 - rand(9)) * (1 - rand(10)) * (1 - rand(11)) * (1 - rand(12)) * (1 - rand(13))) AS g5
        FROM range(0, ${rows}, 1, ${partitions})
      )
    )
  )
)
