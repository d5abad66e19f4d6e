// Settings > Messenger-Check: WordPress's own colour picker on the three colour fields.
jQuery( function ( $ ) {
	$( '.messenger-check-colour' ).wpColorPicker();
} );
