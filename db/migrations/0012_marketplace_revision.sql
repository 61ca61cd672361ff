-- The public marketplace pages' cache key (lib/services/marketplace-cache.ts): every change to what
-- they show (products, SKUs, versions, regions, marketplace images, a seller's name) bumps it in
-- the same transaction, whichever code or process makes the change. A seller's draft is not shown:
-- its edits leave the revision alone.
CREATE TABLE `marketplace_revision` (
	`id` integer PRIMARY KEY NOT NULL,
	`revision` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `marketplace_revision` (`id`, `revision`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `products_insert_marketplace_revision` AFTER INSERT ON `products` WHEN NEW.`status` IN ('listed', 'delisted') BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `products_update_marketplace_revision` AFTER UPDATE ON `products` WHEN OLD.`status` IN ('listed', 'delisted') OR NEW.`status` IN ('listed', 'delisted') BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `products_delete_marketplace_revision` AFTER DELETE ON `products` WHEN OLD.`status` IN ('listed', 'delisted') BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `skus_insert_marketplace_revision` AFTER INSERT ON `skus` WHEN EXISTS (SELECT 1 FROM `products` WHERE `code` = NEW.`product_code` AND `status` IN ('listed', 'delisted')) BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `skus_update_marketplace_revision` AFTER UPDATE ON `skus` WHEN EXISTS (SELECT 1 FROM `products` WHERE `code` = OLD.`product_code` AND `status` IN ('listed', 'delisted')) OR EXISTS (SELECT 1 FROM `products` WHERE `code` = NEW.`product_code` AND `status` IN ('listed', 'delisted')) BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `skus_delete_marketplace_revision` AFTER DELETE ON `skus` WHEN EXISTS (SELECT 1 FROM `products` WHERE `code` = OLD.`product_code` AND `status` IN ('listed', 'delisted')) BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `product_versions_insert_marketplace_revision` AFTER INSERT ON `product_versions` WHEN EXISTS (SELECT 1 FROM `products` WHERE `code` = NEW.`product_code` AND `status` IN ('listed', 'delisted')) BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `product_versions_update_marketplace_revision` AFTER UPDATE ON `product_versions` WHEN EXISTS (SELECT 1 FROM `products` WHERE `code` = OLD.`product_code` AND `status` IN ('listed', 'delisted')) OR EXISTS (SELECT 1 FROM `products` WHERE `code` = NEW.`product_code` AND `status` IN ('listed', 'delisted')) BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `product_versions_delete_marketplace_revision` AFTER DELETE ON `product_versions` WHEN EXISTS (SELECT 1 FROM `products` WHERE `code` = OLD.`product_code` AND `status` IN ('listed', 'delisted')) BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `regions_insert_marketplace_revision` AFTER INSERT ON `regions` BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `regions_update_marketplace_revision` AFTER UPDATE ON `regions` BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `regions_delete_marketplace_revision` AFTER DELETE ON `regions` BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `images_insert_marketplace_revision` AFTER INSERT ON `images` WHEN NEW.`kind` = 'marketplace' BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `images_update_marketplace_revision` AFTER UPDATE ON `images` WHEN OLD.`kind` = 'marketplace' OR NEW.`kind` = 'marketplace' BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `images_delete_marketplace_revision` AFTER DELETE ON `images` WHEN OLD.`kind` = 'marketplace' BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `accounts_name_marketplace_revision` AFTER UPDATE OF `name` ON `accounts` WHEN OLD.`name` IS NOT NEW.`name` BEGIN UPDATE `marketplace_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
