export * from './data-source';
export * from './entities/mention.entity';
export * from './entities/mention-volume-minute.entity';
export * from './entities/dead-letter.entity';
export * from './repositories/mention.repository';
export * from './repositories/dead-letter.repository';
