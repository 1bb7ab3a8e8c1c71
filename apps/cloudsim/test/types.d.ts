declare module '@alicloud/pop-core';
