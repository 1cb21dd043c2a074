/**
 * The one renderer of the upgrade response: status, headers and body, decided once for
 * both web stacks. Nothing here depends on a web stack; adapters copy the result onto
 * their response.
 */
@NullMarked
package io.github.upgraderequired.render;

import org.jspecify.annotations.NullMarked;
