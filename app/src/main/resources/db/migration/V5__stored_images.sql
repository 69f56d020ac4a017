-- Generated images, kept: providers hand out URLs that expire within hours.
CREATE TABLE stored_image (
    id           VARCHAR(64)  NOT NULL,
    user_id      VARCHAR(64)  NOT NULL,
    request_id   VARCHAR(64)  NOT NULL,
    content_type VARCHAR(64)  NOT NULL,
    data         LONGBLOB     NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
CREATE INDEX ix_stored_image_user ON stored_image (user_id);
