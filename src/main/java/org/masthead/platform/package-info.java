/**
 * Platform services every module may use: configuration, ids, clock, storage. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.masthead.platform;
