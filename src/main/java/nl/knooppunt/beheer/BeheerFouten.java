package nl.knooppunt.beheer;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Clear Dutch answers for the beheer API instead of a stack trace. */
@RestControllerAdvice(assignableTypes = {DeadLetterController.class, PauzeController.class, BeheerController.class})
class BeheerFouten {

    @ExceptionHandler({OnbekendeQueue.class, OnbekendeDeelnemer.class})
    ResponseEntity<Map<String, String>> onbekend(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("fout", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> ongeldig(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("fout", e.getMessage()));
    }
}
