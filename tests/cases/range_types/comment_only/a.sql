create type dr as range (subtype = date);
