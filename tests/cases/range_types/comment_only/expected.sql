comment on type "public"."dr" is 'date ''ranges''';

