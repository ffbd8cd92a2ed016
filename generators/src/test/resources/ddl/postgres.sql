-- PostgreSQL: a small shop, as pg_dump and hand-written DDL write it
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE SCHEMA shop;

CREATE TABLE shop.customers (
    customer_id   BIGSERIAL PRIMARY KEY,
    email         VARCHAR(120) NOT NULL UNIQUE,
    full_name     VARCHAR(60)  NOT NULL,
    tier          TEXT NOT NULL DEFAULT 'free' CHECK (tier IN ('free', 'pro', 'enterprise')),
    signup_date   DATE NOT NULL,
    lifetime_value NUMERIC(12,2) CHECK (lifetime_value >= 0),
    is_active     BOOLEAN NOT NULL DEFAULT TRUE,
    country_code  CHAR(2)
);

CREATE TABLE shop.products (
    product_id  SERIAL,
    sku         VARCHAR(12) NOT NULL,
    name        VARCHAR(80) NOT NULL,
    unit_price  NUMERIC(10,2) NOT NULL,
    weight_kg   DOUBLE PRECISION,
    CONSTRAINT products_pkey PRIMARY KEY (product_id),
    CONSTRAINT price_positive CHECK (unit_price > 0 AND unit_price <= 5000)
);

CREATE TABLE shop.orders (
    order_id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  BIGINT NOT NULL REFERENCES shop.customers (customer_id) ON DELETE CASCADE,
    status       VARCHAR(16) NOT NULL DEFAULT 'placed'::character varying,
    placed_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    discount_pct SMALLINT CHECK (discount_pct BETWEEN 0 AND 50),
    CONSTRAINT status_ok CHECK (status = 'placed' OR status = 'shipped' OR status = 'delivered' OR status = 'returned')
);

CREATE TABLE shop.order_items (
    order_id    BIGINT NOT NULL,
    line_no     INTEGER NOT NULL,
    product_id  INTEGER NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0 AND quantity <= 20),
    unit_price  NUMERIC(10,2) NOT NULL CHECK (unit_price > 0),
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE shop.reviews (
    review_id   UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id  INTEGER REFERENCES shop.products,
    customer_id BIGINT,
    rating      SMALLINT NOT NULL CHECK (rating >= 1 AND rating <= 5),
    body        TEXT
);

-- as pg_dump writes it
CREATE TABLE shop.shipments (
    shipment_id integer NOT NULL,
    order_id bigint NOT NULL,
    carrier character varying(20) NOT NULL,
    weight_g integer,
    shipped_on date,
    CONSTRAINT shipments_carrier_check CHECK (((carrier)::text = ANY ((ARRAY['ups'::character varying, 'dhl'::character varying, 'fedex'::character varying])::text[]))),
    CONSTRAINT shipments_weight_g_check CHECK ((weight_g > (0)::numeric)),
    CONSTRAINT shipments_shipped_on_check CHECK ((shipped_on >= '2024-01-01'::date))
);

ALTER TABLE shop.shipments ALTER COLUMN shipment_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME shop.shipments_shipment_id_seq
    START WITH 100
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
ALTER TABLE ONLY shop.shipments
    ADD CONSTRAINT shipments_pkey PRIMARY KEY (shipment_id);
ALTER TABLE ONLY shop.shipments
    ADD CONSTRAINT shipments_order_id_fkey FOREIGN KEY (order_id) REFERENCES shop.orders(order_id);
ALTER TABLE ONLY shop.order_items
    ADD CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES shop.orders(order_id);
ALTER TABLE ONLY shop.order_items
    ADD CONSTRAINT order_items_product_fk FOREIGN KEY (product_id) REFERENCES shop.products(product_id);
ALTER TABLE shop.reviews ADD CONSTRAINT reviews_customer_fk FOREIGN KEY (customer_id) REFERENCES shop.customers (customer_id);
ALTER TABLE shop.customers OWNER TO shop_admin;
CREATE INDEX orders_customer_idx ON shop.orders (customer_id);
COMMENT ON TABLE shop.orders IS 'One row per checkout';
COMMENT ON COLUMN shop.orders.status IS 'Where the order is in fulfilment';
COMMENT ON COLUMN shop.customers.lifetime_value IS 'Sum of all paid orders, in USD';
