/**
 * Demo: the demo newsroom of The Vesna Ledger, loaded through content's commands into an empty
 * database when {@code masthead.demo=true}. All text and pictures are made by this project.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo newsroom")
package org.masthead.demo;
