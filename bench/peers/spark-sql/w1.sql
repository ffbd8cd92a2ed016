-- W1 customers (../../../../shared/bench/workloads/README.md) as dbldatagen builds a table: one SELECT over
-- range(n), each random column an independent Spark rand(seed), a fresh seed per column, values lists picked by
-- element_at(array(...), floor(rand * n) + 1). Nothing here is reproducible across partitionings (rand(seed) is
-- seeded per partition), which is what the compiled synthgen plan is measured against.
-- Placeholders filled by bench/SparkRuns.java: ${rows}, ${partitions} and, for each word list of the shared bench
-- (data/wordlists/NAME.txt, datafaker 2.7.0's English lists), ${NAME} (an array literal) and ${n_NAME} (its size).
SELECT customer_id,
       first_name,
       last_name,
       CASE WHEN rand(11) < 0.02 THEN NULL
            ELSE concat(lower(first_name), '.', lower(last_name), CAST(customer_id % 1000 AS STRING), '@example.com')
       END AS email,
       CASE WHEN rand(12) < 0.01 THEN NULL
            ELSE concat('(', CAST(200 + floor(rand(13) * 800) AS STRING), ') ',
                        lpad(CAST(floor(rand(14) * 1000) AS STRING), 3, '0'), '-',
                        lpad(CAST(floor(rand(15) * 10000) AS STRING), 4, '0'))
       END AS phone,
       concat(CAST(100 + floor(rand(16) * 99900) AS STRING), ' ', CASE WHEN u_street < 0.5 THEN n1 ELSE n2 END, ' ',
              street_suffix) AS address_line1,
       CASE WHEN u_city < 0.25 THEN concat(city_prefix, ' ', n1, city_suffix)
            WHEN u_city < 0.50 THEN concat(city_prefix, ' ', n1)
            WHEN u_city < 0.75 THEN concat(n1, city_suffix)
            ELSE concat(n2, city_suffix)
       END AS city,
       state,
       CAST(10000 + floor(rand(17) * 90000) AS STRING) AS zip_code,
       date_add(DATE'2020-01-01', CAST(floor(rand(18) * 1827) AS INT)) AS signup_date,
       CAST(-5000 * ln((1 - rand(19)) * (1 - rand(20))) AS DECIMAL(12,2)) AS lifetime_value,
       rand(21) < 0.85 AS is_active,
       CASE WHEN u_tier < 0.50 THEN 'Bronze' WHEN u_tier < 0.80 THEN 'Silver' WHEN u_tier < 0.95 THEN 'Gold'
            ELSE 'Platinum'
       END AS loyalty_tier
FROM (
  SELECT 1000000 + id AS customer_id,
         element_at(${first_names}, CAST(floor(rand(1) * ${n_first_names}) AS INT) + 1) AS first_name,
         element_at(${last_names}, CAST(floor(rand(2) * ${n_last_names}) AS INT) + 1) AS last_name,
         element_at(${first_names}, CAST(floor(rand(3) * ${n_first_names}) AS INT) + 1) AS n1,
         element_at(${last_names}, CAST(floor(rand(4) * ${n_last_names}) AS INT) + 1) AS n2,
         element_at(${city_prefixes}, CAST(floor(rand(5) * ${n_city_prefixes}) AS INT) + 1) AS city_prefix,
         element_at(${city_suffixes}, CAST(floor(rand(6) * ${n_city_suffixes}) AS INT) + 1) AS city_suffix,
         element_at(${street_suffixes}, CAST(floor(rand(7) * ${n_street_suffixes}) AS INT) + 1) AS street_suffix,
         rand(8) AS u_city,
         rand(9) AS u_street,
         element_at(array('NY', 'CA', 'IL', 'TX', 'AZ', 'PA', 'FL', 'OH', 'NC', 'GA'), CAST(floor(rand(10) * 10) AS INT) + 1)
           AS state,
         rand(22) AS u_tier
  FROM range(0, ${rows}, 1, ${partitions})
)
