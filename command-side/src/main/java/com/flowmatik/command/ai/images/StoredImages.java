package com.flowmatik.command.ai.images;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredImages extends JpaRepository<StoredImage, String> {}
