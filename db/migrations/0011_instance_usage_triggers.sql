-- instance_usage follows instances (issue 13): an instance counts while it is not Released.
-- Each trigger fires only when a row enters or leaves the count (or moves between counts).
CREATE TRIGGER `instance_usage_insert` AFTER INSERT ON `instances` WHEN NEW.`status` <> 'Released'
BEGIN
  INSERT INTO `instance_usage` (`account_id`, `region_id`, `instances`, `vcpus`)
  VALUES (NEW.`account_id`, NEW.`region_id`, 1, (SELECT `vcpu` FROM `instance_types` WHERE `id` = NEW.`instance_type_id`))
  ON CONFLICT (`account_id`, `region_id`) DO UPDATE SET `instances` = `instances` + 1, `vcpus` = `vcpus` + excluded.`vcpus`;
END;
--> statement-breakpoint
CREATE TRIGGER `instance_usage_leave` AFTER UPDATE OF `status`, `account_id`, `region_id`, `instance_type_id` ON `instances`
WHEN OLD.`status` <> 'Released' AND (NEW.`status` = 'Released' OR NEW.`account_id` <> OLD.`account_id` OR NEW.`region_id` <> OLD.`region_id` OR NEW.`instance_type_id` <> OLD.`instance_type_id`)
BEGIN
  UPDATE `instance_usage` SET `instances` = `instances` - 1, `vcpus` = `vcpus` - (SELECT `vcpu` FROM `instance_types` WHERE `id` = OLD.`instance_type_id`)
  WHERE `account_id` = OLD.`account_id` AND `region_id` = OLD.`region_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `instance_usage_enter` AFTER UPDATE OF `status`, `account_id`, `region_id`, `instance_type_id` ON `instances`
WHEN NEW.`status` <> 'Released' AND (OLD.`status` = 'Released' OR NEW.`account_id` <> OLD.`account_id` OR NEW.`region_id` <> OLD.`region_id` OR NEW.`instance_type_id` <> OLD.`instance_type_id`)
BEGIN
  INSERT INTO `instance_usage` (`account_id`, `region_id`, `instances`, `vcpus`)
  VALUES (NEW.`account_id`, NEW.`region_id`, 1, (SELECT `vcpu` FROM `instance_types` WHERE `id` = NEW.`instance_type_id`))
  ON CONFLICT (`account_id`, `region_id`) DO UPDATE SET `instances` = `instances` + 1, `vcpus` = `vcpus` + excluded.`vcpus`;
END;
--> statement-breakpoint
CREATE TRIGGER `instance_usage_delete` AFTER DELETE ON `instances` WHEN OLD.`status` <> 'Released'
BEGIN
  UPDATE `instance_usage` SET `instances` = `instances` - 1, `vcpus` = `vcpus` - (SELECT `vcpu` FROM `instance_types` WHERE `id` = OLD.`instance_type_id`)
  WHERE `account_id` = OLD.`account_id` AND `region_id` = OLD.`region_id`;
END;
--> statement-breakpoint
INSERT INTO `instance_usage` (`account_id`, `region_id`, `instances`, `vcpus`)
SELECT i.`account_id`, i.`region_id`, count(*), sum(t.`vcpu`) FROM `instances` i JOIN `instance_types` t ON t.`id` = i.`instance_type_id`
WHERE i.`status` <> 'Released' GROUP BY i.`account_id`, i.`region_id`;
