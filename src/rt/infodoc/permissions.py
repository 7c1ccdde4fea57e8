"""Permission ids (the titles live in permissions.zcml)."""

ADD_NOTICE = "rt.infodoc: Add Notice"
ADD_FUND_ITEM = "rt.infodoc: Add fund item"
ADD_PRODUCTION = "rt.infodoc: Add production"
IMPORT_RECORDS = "rt.infodoc: Import records"
MANAGE_CIRCULATION = "rt.infodoc: Manage circulation"
