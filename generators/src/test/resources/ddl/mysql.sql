-- MySQL 8 (as SHOW CREATE TABLE / mysqldump write it)
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS `order_lines`;
CREATE TABLE `customers` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  `name` varchar(80) NOT NULL COMMENT 'as printed on invoices',
  `membership` enum('basic','plus','premium') NOT NULL DEFAULT 'basic',
  `newsletter` tinyint(1) NOT NULL DEFAULT '0',
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_email` (`email`),
  KEY `idx_created` (`created_at`)
) ENGINE=InnoDB AUTO_INCREMENT=1001 DEFAULT CHARSET=utf8mb4 COMMENT='people who bought at least once';

CREATE TABLE `categories` (
  `id` smallint unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(40) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

CREATE TABLE `products` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `category_id` smallint unsigned NOT NULL,
  `title` varchar(120) NOT NULL,
  `price` decimal(8,2) unsigned NOT NULL,
  `stock` mediumint NOT NULL DEFAULT '0',
  `size` set('S','M','L','XL') DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_cat` (`category_id`),
  CONSTRAINT `fk_products_category` FOREIGN KEY (`category_id`) REFERENCES `categories` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `chk_stock` CHECK ((`stock` >= 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `orders` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `customer_id` int unsigned NOT NULL,
  `state` enum('new','paid','shipped','refunded') NOT NULL DEFAULT 'new',
  `placed` date NOT NULL,
  `gift` bit(1) DEFAULT b'0',
  PRIMARY KEY (`id`),
  KEY `customer_id` (`customer_id`),
  CONSTRAINT `orders_ibfk_1` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`)
) ENGINE=InnoDB;

CREATE TABLE `order_lines` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `order_id` bigint NOT NULL,
  `product_id` int unsigned NOT NULL,
  `qty` tinyint unsigned NOT NULL DEFAULT '1',
  `year_ordered` year DEFAULT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `ol_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`),
  CONSTRAINT `ol_product` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`),
  CONSTRAINT `ol_qty` CHECK (`qty` between 1 and 12)
) ENGINE=InnoDB;
