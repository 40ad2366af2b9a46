package nl.knooppunt.registry;

/**
 * What the hub does with findings of control levels 3 and 4 for a gemeente ({@code beoordeling.yaml}). Assessing
 * declaraties is the gemeente's legal task, so the default is {@link #SIGNALEREN}: the findings travel with the bericht
 * as signals. A gemeente that chose {@link #AFKEUREN} has the hub reject with the standard retourcodes.
 */
public enum Beoordeling { SIGNALEREN, AFKEUREN }
