package nl.knooppunt.intake;

import org.apache.camel.Message;

/**
 * A channel's answer to the sender once a bericht is accepted or rejected: a SOAP response, a verwerkingsverslag in
 * the aanbieder's SFTP {@code in/} folder, … One implementation per channel name ({@link Bericht#kanaal()}).
 */
public interface Kanaalantwoord {

    String kanaal();

    /** Answers the sender; the return value becomes the message body (for a synchronous channel, its response). */
    Object antwoord(Bericht bericht, Message message);
}
