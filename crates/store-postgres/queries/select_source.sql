SELECT name, reliability FROM sources WHERE name = $1
