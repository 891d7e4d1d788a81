create type dr as range (subtype = date);
comment on type dr is 'date ''ranges''';
