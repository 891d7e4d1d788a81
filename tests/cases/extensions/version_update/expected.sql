alter extension "citext" update to '1.6';

